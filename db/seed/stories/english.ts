import type { StorySeed } from '../types';

type EnglishSectionSlug =
  'local' | 'world' | 'politics' | 'economy' | 'sports' | 'culture' | 'tech' | 'health';

/** Original English demo stories for the English edition, three per section. */
export const englishStories: Record<EnglishSectionSlug, StorySeed[]> = {
  local: [
    {
      title: 'Amman municipality begins resurfacing works on three busy downtown streets',
      dek: 'Night-time works on the three streets will last six weeks, with diversions signposted and bus routes adjusted so that shops and schools nearby are disturbed as little as possible.',
      place: 'Amman',
      lead: [
        'The municipality has started resurfacing three of the busiest streets in the centre of Amman, beginning with the road that links the old market to the main bus station. Crews will work between ten at night and six in the morning to keep daytime traffic moving.',
        'Officials said the asphalt on the three streets had not been fully replaced for more than fifteen years, and that repeated patching had left uneven surfaces and poor drainage. The new layer includes improved gutters designed to carry away winter rain more quickly.',
      ],
      subheading: 'Diversions and bus changes',
      rest: [
        'Drivers will be directed to parallel streets by temporary signs, and traffic officers will be posted at the two largest junctions during the first week. Three bus lines will stop at temporary shelters a short walk from their usual stops until the works are complete.',
        'Shopkeepers on the affected streets were consulted before the schedule was set, according to the municipality, and deliveries will be allowed in the early morning. Residents can report problems through the municipal hotline, which will have a dedicated line for the project.',
      ],
      quote: {
        text: 'We chose night work so that the street stays open for the people who earn their living on it',
        speaker: 'Engineer Faris Qudah, director of road maintenance at the municipality',
      },
      tags: ['Municipalities', 'Roads', 'Transport'],
    },
    {
      title: 'New neighbourhood park opens in Irbid with playgrounds and shaded seating',
      dek: 'The park, built on a former vacant lot, includes a walking track, a small football pitch and a community garden where residents can rent planting beds for a modest fee.',
      place: 'Irbid',
      lead: [
        'A new neighbourhood park opened in the eastern district of Irbid this week, turning a vacant lot that had been used for years as an informal car park into green space for some twelve thousand residents living within walking distance.',
        'The park covers about two hectares and includes a shaded playground, a rubber walking track, a small football pitch and rows of benches under young olive and carob trees. Drinking fountains and public toilets were installed near the main entrance.',
      ],
      subheading: 'A garden for the neighbours',
      rest: [
        'One corner of the park has been set aside as a community garden with forty planting beds, which families can rent for a small yearly fee. Priority is given to households in the surrounding streets, and a local volunteer group will help beginners.',
        "The municipality said the park will be open from early morning until eleven at night, with lighting along all paths. A caretaker will be on duty throughout the day, and a weekly schedule of children's activities is being prepared with nearby schools.",
      ],
      quote: {
        text: 'Children here used to play between parked cars, and now they have a place that is truly theirs',
        speaker: "Salma Obeidat, head of the district residents' committee",
      },
      tags: ['Municipalities', 'Parks', 'Environment'],
    },
    {
      title: 'Tunis water utility replaces old pipes to cut losses in three districts',
      dek: 'The project will replace forty kilometres of ageing pipes over eighteen months, reducing leaks that currently waste nearly a quarter of the water pumped into the network, engineers say.',
      place: 'Tunis',
      lead: [
        'The water utility in Tunis has begun replacing forty kilometres of ageing pipes in three older districts of the capital, where frequent leaks and low pressure have long been a complaint of residents living on upper floors.',
        'Engineers estimate that almost a quarter of the water pumped into these districts is lost before it reaches a tap. The new pipes are made of durable polyethylene and will be fitted with pressure sensors that report problems to a central control room.',
      ],
      subheading: 'Short interruptions, announced in advance',
      rest: [
        'Work will proceed street by street, and each section will be without water for no more than eight hours. The utility said it will announce every interruption at least two days ahead through text messages, local radio and notices posted in building entrances.',
        'Water tankers will be stationed in each affected street during the interruptions for residents who need supplies. Once the project is complete, the utility expects pressure to improve noticeably, particularly for households that currently rely on rooftop pumps and tanks.',
      ],
      quote: {
        text: 'Every litre we save in the pipes is a litre we do not have to find elsewhere',
        speaker: 'Nadia Ben Ammar, project engineer at the water utility',
      },
      tags: ['Water', 'Municipalities', 'Infrastructure'],
    },
  ],
  world: [
    {
      title: 'Valletta conference brings together Mediterranean countries to protect small fisheries',
      dek: 'Delegates from eighteen countries are discussing shared rules for fishing seasons, better data on fish stocks and support for small boat owners whose incomes have fallen in recent years.',
      place: 'Valletta',
      lead: [
        'Fisheries officials and researchers from eighteen Mediterranean countries gathered in Valletta this week for a three-day conference on the future of small-scale fishing, which still employs tens of thousands of families along the coasts of North Africa, the Levant and southern Europe.',
        'The agenda focuses on coordinating closed seasons for species that move between national waters, sharing data on fish stocks, and finding ways to help small boat owners cope with rising fuel costs and shrinking catches close to shore.',
      ],
      subheading: 'Shared data, shared seasons',
      rest: [
        'Several delegations presented pilot programmes in which fishermen record their catches on simple mobile applications, giving scientists far more detailed information than official port statistics. Organisers hope to agree on a common format so that the data can be compared across borders.',
        'Another session examined marine protected zones, where fishing is paused for a few years to let stocks recover. Researchers from a Tunisian university described how catches around one such zone had increased after four years, benefiting boats working just outside its limits.',
      ],
      quote: {
        text: "The fish do not know where one country's waters end and another's begin, so our rules must travel with them",
        speaker: 'Dr Yusra Haddad, marine biologist and conference coordinator',
      },
      tags: ['Fisheries', 'Environment', 'Regional cooperation'],
    },
    {
      title: 'Port cities of East Africa and the Gulf launch joint training for dock workers',
      dek: 'The two-year programme will train some six hundred crane operators, technicians and safety officers through exchange visits and shared courses, building on centuries of trade across the Indian Ocean.',
      place: 'Mombasa',
      lead: [
        'Port authorities from several East African and Gulf cities have launched a joint training programme for dock workers, signing the agreement in Mombasa at the end of a two-day meeting attended by port managers, trade unions and maritime colleges.',
        'Over the next two years, around six hundred crane operators, maintenance technicians and safety officers will take part in short courses and exchange visits, spending several weeks at a partner port to learn how it handles cargo and organises shifts.',
      ],
      subheading: 'Safety comes first',
      rest: [
        'Organisers said workplace safety would be the core of the programme, with every participant completing a common course on handling heavy loads, working at height and responding to fires on board ships. Certificates will be recognised by all the participating ports.',
        'The partners also plan to share simple digital tools for scheduling ship arrivals, which could reduce the time vessels spend waiting at anchor. A review meeting is planned in Muscat next year to assess the first group of trainees and adjust the courses.',
      ],
      quote: {
        text: 'Dhows once carried goods between our coasts, and today we want to carry skills the same way',
        speaker: 'Captain Salim Al-Harthi, director of maritime training at one of the participating ports',
      },
      tags: ['Ports', 'Trade', 'Training'],
    },
    {
      title: 'Arab and Malaysian universities expand student exchange in engineering and medicine',
      dek: 'A new agreement between a dozen universities will allow around four hundred students a year to spend a semester abroad, with credits recognised at home and housing support included.',
      place: 'Kuala Lumpur',
      lead: [
        'Twelve universities from Malaysia and several Arab countries signed an agreement in Kuala Lumpur this week to expand student exchanges in engineering, medicine and computer science, building on smaller programmes that have run between individual institutions for several years.',
        'Under the agreement, about four hundred undergraduate students a year will be able to spend one semester at a partner university. Courses taken abroad will count towards their degrees at home, so students will not need to extend their studies.',
      ],
      subheading: 'Housing and language support',
      rest: [
        'Host universities will provide places in student residences and a short orientation course covering the local language, public transport and health services. Students from lower-income families will be able to apply for travel grants funded jointly by the participating institutions.',
        'Academic staff will also take part, with lecturers invited to teach short courses at partner universities and to supervise joint research projects. The first group of exchange students is expected to travel at the start of the next academic year.',
      ],
      quote: {
        text: 'A semester abroad teaches students things that no textbook can, starting with how to listen to people who think differently',
        speaker:
          'Professor Aminah Rahman, vice-rector for international relations at one of the signing universities',
      },
      tags: ['Universities', 'Education', 'Training'],
    },
  ],
  politics: [
    {
      title: 'Sousse city council approves budget focused on schools and street lighting',
      dek: 'After three public sessions and more than two hundred written comments from residents, councillors voted to raise spending on school maintenance and to replace old street lamps with efficient LED fittings.',
      place: 'Sousse',
      lead: [
        'The municipal council of Sousse approved its budget for the coming year on Tuesday evening after a four-hour session, with a large majority of councillors voting in favour and a handful abstaining over the timetable for some smaller projects.',
        'The budget increases spending on the maintenance of public school buildings by nearly a third, covering roof repairs, new toilets and accessible entrances. It also funds the replacement of around three thousand old street lamps with energy-efficient LED fittings.',
      ],
      subheading: 'Residents had their say',
      rest: [
        'For the first time, the council held three public sessions in different districts before the vote, and invited residents to submit written comments online or at the town hall. More than two hundred comments were received, most of them about lighting, pavements and parks.',
        'Councillors said several proposals from residents had been added to the final budget, including extra benches along the seafront and a pilot programme for separate collection of recyclable waste in two neighbourhoods. A progress report will be presented to the public in six months.',
      ],
      quote: {
        text: 'A budget is not only numbers, it is a list of promises, and residents have the right to check them',
        speaker: "Hedi Triki, chair of the council's finance committee",
      },
      tags: ['Municipalities', 'Local government', 'Budget'],
    },
    {
      title: 'Environment ministers agree on shared plan to monitor air quality in cities',
      dek: 'Meeting in Cairo, ministers and officials from eleven countries agreed to publish comparable air quality readings, train technicians together and share low-cost sensor networks already tested in several cities.',
      place: 'Cairo',
      lead: [
        'Environment ministers and senior officials from eleven Arab countries agreed in Cairo on Wednesday to coordinate the way their cities measure and report air quality, at the end of a two-day meeting hosted by a regional environmental organisation.',
        'The plan commits participating countries to publish hourly readings for the main pollutants using the same scale, so that residents and researchers can compare conditions from one city to another. Readings will be made available on public websites and mobile applications.',
      ],
      subheading: 'Sensors and training',
      rest: [
        'Several cities have already tested networks of low-cost sensors mounted on schools and clinics, which complement the small number of expensive official stations. Under the plan, technical teams will share their experience in calibrating these sensors and keeping them in working order.',
        'A joint training course for technicians will begin next spring, and a working group will prepare a report on the main sources of urban pollution, including traffic, construction dust and waste burning. Ministers are due to review progress at their next annual meeting.',
      ],
      quote: {
        text: 'Clean air is a shared interest, and the first step towards it is to measure honestly and speak the same language',
        speaker: 'Dr Mona Fathi, head of the technical working group',
      },
      tags: ['Environment', 'Regional cooperation', 'Air quality'],
    },
    {
      title: 'Parliamentary committee opens public consultation on draft road safety law',
      dek: 'Citizens, driving schools and transport groups have six weeks to comment on proposals that include graduated licences for new drivers, lower speed limits near schools and mandatory child seats.',
      place: 'Amman',
      lead: [
        'A parliamentary committee has opened a six-week public consultation on a draft road safety law, inviting citizens, driving schools, transport operators and medical associations to submit comments before the text is debated in a full session of the house.',
        'The draft introduces graduated licences, under which new drivers would face restrictions on night driving and passenger numbers during their first year. It also proposes lower speed limits around schools and makes child seats compulsory for young children travelling in private cars.',
      ],
      subheading: 'Hearings in several governorates',
      rest: [
        'Committee members will hold public hearings in four governorates over the coming weeks, and written submissions can be sent by post or through an online form. The committee said every submission would be read and summarised in a report attached to the final draft.',
        'Road safety groups welcomed the consultation, noting that many accidents involve young drivers and pedestrians near schools. Driving instructors asked for clearer rules on practical tests, while transport operators requested a longer period to adapt their fleets to new requirements.',
      ],
      quote: {
        text: 'A law that people help to write is a law they are more likely to respect on the road',
        speaker: 'Rami Shawabkeh, rapporteur of the parliamentary committee',
      },
      tags: ['Legislation', 'Roads', 'Transport'],
    },
  ],
  economy: [
    {
      title: 'Olive oil prices steady in Sfax markets after a generous harvest',
      dek: 'Producers report one of the best harvests in recent years, keeping retail prices stable, while cooperatives invest in better storage and bottling to reach buyers abroad.',
      place: 'Sfax',
      lead: [
        'Olive oil prices in the markets of Sfax have held steady over the past month as mills work around the clock to process one of the largest harvests the region has seen in several years, following a mild spring and timely autumn rain.',
        'Traders said the price of a litre of extra virgin oil at local markets had barely moved since the start of the season, to the relief of families who traditionally buy their yearly supply in large containers during the winter months.',
      ],
      subheading: 'Cooperatives look abroad',
      rest: [
        "Farmers' cooperatives are using the good year to invest in stainless steel storage tanks and small bottling lines, which allow them to sell branded bottles rather than bulk oil. Bottled oil earns a higher price and is easier to ship to specialty shops overseas.",
        'Mill owners said the main challenge this season was finding enough workers for the harvest, as many young people have moved to the cities. Some cooperatives have started sharing mechanical harvesters between members to keep costs down and finish picking on time.',
      ],
      quote: {
        text: 'A good harvest is a gift, but what we do with the oil after the mill decides whether the farmer really benefits',
        speaker: "Habib Jlassi, president of a regional olive growers' cooperative",
      },
      tags: ['Agriculture', 'Markets', 'Trade'],
    },
    {
      title: 'Small businesses in Muscat turn to shared warehouses to cut delivery costs',
      dek: 'A new logistics park lets small traders rent storage by the shelf rather than by the room, with shared packing stations and couriers collecting parcels several times a day.',
      place: 'Muscat',
      lead: [
        'A growing number of small businesses in Muscat are moving their stock into shared warehouses, where they can rent storage space by the shelf instead of signing long leases for whole rooms, according to operators of a new logistics park near the airport.',
        "The arrangement suits online shops selling clothes, cosmetics, spices and handicrafts, whose stock changes with the seasons. Traders pay only for the space they use each month and can expand or shrink their storage with a few days' notice.",
      ],
      subheading: 'Packing and pickup under one roof',
      rest: [
        'The park includes shared packing stations with scales, boxes and label printers, and several courier firms collect parcels from a single loading bay three times a day. Operators said this shortens delivery times within the capital to one day for most orders.',
        'Business owners say the savings on rent and transport allow them to offer lower prices or free delivery. The chamber of commerce plans a series of workshops on inventory management and online payments for traders who are considering the move.',
      ],
      quote: {
        text: 'I used to keep my stock in my living room, and now my family has its home back and my customers get their orders faster',
        speaker: 'Maryam Al-Kindi, owner of a small online perfume shop',
      },
      tags: ['Small business', 'Trade', 'Markets'],
    },
    {
      title: 'New solar farm near Tozeur begins feeding electricity into the national grid',
      dek: "The plant's two hundred thousand panels can supply the yearly needs of about sixty thousand homes, and the project trained dozens of local technicians to run and maintain it.",
      place: 'Tozeur',
      lead: [
        "A new solar farm in the desert near Tozeur has started feeding electricity into the national grid after a month of testing, adding enough capacity to meet the yearly needs of around sixty thousand households, according to the project's operators.",
        'The plant stretches over more than one hundred hectares and uses some two hundred thousand panels mounted on frames that slowly follow the sun through the day. Robots clean the panels at night, using dry brushes to save scarce water.',
      ],
      subheading: 'Local jobs in the desert',
      rest: [
        'During construction the project employed about eight hundred workers, many from surrounding towns. Around sixty local technicians have since completed a year-long training course and will now operate and maintain the plant, working alongside a small team of experienced engineers.',
        "Energy officials said solar power would help reduce the country's reliance on imported gas for electricity generation, particularly during summer afternoons when air conditioning pushes demand to its peak. Two further solar projects in the south are at the planning stage.",
      ],
      quote: {
        text: 'We used to see the sun here as something to hide from, and now it is part of how we earn our living',
        speaker: 'Anis Mabrouk, a technician at the plant who grew up in a nearby village',
      },
      tags: ['Energy', 'Solar power', 'Jobs'],
    },
  ],
  sports: [
    {
      title: 'Harbour United move top of the league with a late derby winner',
      dek: 'A header in the final minutes gave Harbour United a one-nil victory over their city neighbours in front of a full stadium, lifting them two points clear at the halfway mark.',
      place: 'Alexandria',
      lead: [
        'Harbour United moved to the top of the league on Friday night after a header from defender Tamer Samy in the eighty-eighth minute gave them a one-nil victory over city rivals Coastal Stars in front of a capacity crowd in Alexandria.',
        'The match was tight and cautious for long spells, with both goalkeepers making important saves before the break. The winning goal came from a corner, when Samy rose above two defenders at the near post to head the ball into the far corner.',
      ],
      subheading: 'Two points clear at the halfway mark',
      rest: [
        'The result leaves Harbour United two points ahead of Coastal Stars as the league reaches the midpoint of the season. Their coach praised the discipline of his young squad, which has conceded only eight goals in fifteen matches, the fewest in the league.',
        'Coastal Stars, who had been unbeaten for nine matches, will try to recover next week with a home game against a side from the capital. Supporters of both clubs left the stadium peacefully, and local police thanked fans for their good behaviour.',
      ],
      quote: {
        text: 'We did not play beautiful football tonight, but we played together until the last second, and that is what wins derbies',
        speaker: 'Walid Fahmy, head coach of Harbour United',
      },
      tags: ['Football', 'League', 'Youth sport'],
    },
    {
      title: 'Record number of amateur runners finish the Rabat half marathon',
      dek: 'More than six thousand runners, a third of them women, completed the course along the river and the old walls, with many taking part in their first race.',
      place: 'Rabat',
      lead: [
        "More than six thousand runners crossed the finish line of the Rabat half marathon on Sunday morning, the largest field in the event's history, as clear skies and a cool breeze brought ideal conditions for the twenty-one kilometre course.",
        'The route followed the bank of the river before climbing past the old city walls and finishing in a square near the seafront. Organisers said a third of the participants were women, and that nearly half were running their first organised race.',
      ],
      subheading: 'Running clubs on the rise',
      rest: [
        'The growth reflects a boom in amateur running clubs across the country, many of which meet in parks early in the morning before work. Several clubs ran together in matching shirts, pacing slower members and cheering at the finish until the last runner arrived.',
        "The elite men's race was won in just over an hour, while the women's winner broke the course record by forty seconds. A shorter five-kilometre fun run for families and children followed the main event, with proceeds donated to a local children's hospital.",
      ],
      quote: {
        text: 'I started running two years ago to sleep better, and today I ran the whole distance without stopping',
        speaker: 'Khadija Benali, a schoolteacher who finished her first half marathon',
      },
      tags: ['Running', 'Amateur sport', 'Healthy living'],
    },
    {
      title: 'Youth basketball tournament brings school teams from across the Gulf to Manama',
      dek: 'Twenty-four under-16 teams, boys and girls, are competing over five days, with scouts from national federations watching and coaches running free clinics for local schoolchildren between games.',
      place: 'Manama',
      lead: [
        "Twenty-four school basketball teams from across the Gulf arrived in Manama this week for a five-day youth tournament, with boys' and girls' competitions for players under sixteen held side by side in two sports halls in the city.",
        'The tournament, now in its sixth year, has grown from a small invitational event into one of the most popular youth competitions in the region. Matches are free to attend, and many families have travelled with the teams to watch.',
      ],
      subheading: 'Free clinics for local children',
      rest: [
        'Between games, visiting coaches are running free morning clinics for local schoolchildren, teaching passing, footwork and defensive positioning. Organisers said about five hundred children had registered for the clinics, many of them playing organised basketball for the first time.',
        'Scouts from several national federations are attending the later rounds to identify promising players for their youth squads. The finals will be played on Saturday evening, followed by an awards ceremony honouring fair play as well as the best individual performances.',
      ],
      quote: {
        text: 'Not every child here will become a professional, but every one of them will leave knowing how to be part of a team',
        speaker: 'Coach Layal Hamdan, tournament director',
      },
      tags: ['Basketball', 'Youth sport', 'Schools'],
    },
  ],
  culture: [
    {
      title: "Sidon's city museum reopens after two years of careful renovation",
      dek: 'New galleries, climate-controlled cases and labels in Arabic, English and French present pottery, coins and glassware found along the coast, alongside a hands-on room for school groups.',
      place: 'Sidon',
      lead: [
        'The city museum of Sidon reopened its doors to the public on Saturday after two years of renovation, welcoming several hundred visitors on its first day to galleries that have been redesigned from the floor to the ceiling.',
        'The collection includes pottery, coins, glassware and carved stone found along the coast over more than a century of excavations. Many objects that spent decades in storage are now on display for the first time, in new climate-controlled cases with improved lighting.',
      ],
      subheading: 'A room for young visitors',
      rest: [
        'One of the most popular additions is a hands-on room for school groups, where children can handle replica pottery, try weaving on a small loom and learn how archaeologists record what they find. The museum plans to host two school visits every weekday morning.',
        "Labels are written in Arabic, English and French, and a free audio guide is available through visitors' phones. Entry will be free on the first Friday of every month, and the museum will stay open until eight in the evening during the summer.",
      ],
      quote: {
        text: 'These objects belonged to people who lived on this coast before us, and now their story can finally be told properly',
        speaker: 'Dr Rima Saad, curator of the museum',
      },
      tags: ['Museums', 'Heritage', 'Archaeology'],
    },
    {
      title: "Children's book festival in Kuwait City celebrates young writers and illustrators",
      dek: 'Over ten days, publishers, storytellers and illustrators are meeting families and schools, while a competition invites pupils to write and illustrate their own short books in Arabic.',
      place: 'Kuwait City',
      lead: [
        "A ten-day children's book festival opened in Kuwait City this week, bringing together more than eighty publishers, dozens of storytellers and illustrators, and thousands of young readers who arrived with their schools and families.",
        'The festival halls are arranged by age group, from cloth and picture books for toddlers to adventure novels and popular science titles for teenagers. Reading corners with cushions and low shelves invite children to sit and read before choosing what to buy.',
      ],
      subheading: 'Pupils become authors',
      rest: [
        'The highlight for many visitors is a writing competition in which pupils aged nine to fifteen write and illustrate their own short books in Arabic. The winning entries will be printed by a participating publisher and distributed to school libraries across the country.',
        'Daily workshops teach children how to draw characters, build a story with a beginning, middle and end, and bind a simple book by hand. Organisers said they had added evening sessions this year so that working parents could attend with their children.',
      ],
      quote: {
        text: 'When a child sees their own name on the cover of a book, they start to believe that stories belong to them too',
        speaker: "Noura Al-Mutairi, children's author and festival organiser",
      },
      tags: ['Books', 'Reading', 'Children'],
    },
    {
      title: 'Restored art deco cinema in Casablanca reopens with classic Arab films',
      dek: 'The single-screen cinema, closed for more than a decade, has been rescued by a local association and will show restored classics, new independent films and weekend matinees for children.',
      place: 'Casablanca',
      lead: [
        'A single-screen art deco cinema in central Casablanca reopened this week after more than a decade of closure, with a sold-out screening of a restored black-and-white classic from the golden age of Arab cinema.',
        'The building, with its curved facade and original neon sign, had been at risk of demolition before a local cultural association leased it and raised funds to repair the roof, restore the wooden seats and install modern digital projection equipment.',
      ],
      subheading: 'Classics and new voices',
      rest: [
        'The opening season mixes restored classics from Egypt, Morocco and Lebanon with recent independent films by young directors from the region. Each Thursday screening will be followed by a discussion with a critic or film-maker, and tickets are priced to remain affordable for students.',
        'On weekend mornings the cinema will show animated films for children, many of them dubbed into Arabic. The association also plans to open a small archive room on the upper floor, displaying old posters, programmes and photographs donated by residents.',
      ],
      quote: {
        text: 'Our grandparents fell in love with cinema in these seats, and we wanted our children to have the same chance',
        speaker: 'Youssef Alaoui, president of the association that restored the cinema',
      },
      tags: ['Cinema', 'Heritage'],
    },
  ],
  tech: [
    {
      title: 'Amman start-up develops app that helps farmers schedule irrigation',
      dek: 'Using soil sensors and weather forecasts, the app tells farmers when and how much to water, and early trials in the Jordan Valley cut water use by nearly a fifth.',
      place: 'Amman',
      lead: [
        'A young start-up in Amman has developed a mobile application that helps farmers decide when and how much to irrigate their fields, combining readings from inexpensive soil moisture sensors with local weather forecasts and information about each crop.',
        'During a year of trials on forty farms in the Jordan Valley, growers using the application reduced their water use by nearly a fifth on average, while yields of tomatoes, cucumbers and peppers remained the same or improved slightly.',
      ],
      subheading: 'Designed for small farms',
      rest: [
        'The founders, three engineers who grew up in farming families, said they designed the application for small farms with limited budgets. The sensors cost less than a bag of fertiliser, run on small batteries for a full season, and send data over ordinary mobile networks.',
        'Advice appears as simple daily messages in Arabic, with voice notes for farmers who prefer listening to reading. The company plans to extend the service to olive groves and date palms next year, and is working with agricultural extension offices to train users.',
      ],
      quote: {
        text: 'My father watered by instinct and by the clock, and we wanted to give his generation a tool that respects both their experience and the water',
        speaker: 'Lina Awwad, co-founder and chief engineer of the start-up',
      },
      tags: ['Startups', 'Agriculture', 'Water'],
    },
    {
      title: 'Students in Tunis build small satellite to monitor coastal weather',
      dek: 'The shoebox-sized satellite, designed and assembled by engineering students over three years, is scheduled for launch next year and will collect data on sea temperature and cloud cover.',
      place: 'Tunis',
      lead: [
        'A team of engineering students in Tunis has completed a small satellite about the size of a shoebox, designed to collect data on sea surface temperature and cloud cover along the North African coast once it reaches orbit next year.',
        'The project began three years ago as a final-year assignment and grew into a long-term effort involving more than thirty students from electronics, mechanics and computer science. The satellite passed vibration and thermal tests at a partner laboratory last month.',
      ],
      subheading: 'A ground station on campus',
      rest: [
        'Students have also built a ground station on the roof of their faculty, using a rotating antenna to track the satellite as it passes overhead several times a day. The data will be shared freely with meteorologists and researchers studying the Mediterranean.',
        'The satellite will travel to orbit as one of several small payloads on a shared launch. Supervisors said the experience had already helped graduates find jobs in engineering firms, and that a second, slightly larger satellite is being planned by the next group.',
      ],
      quote: {
        text: 'Three years ago it was a drawing on a whiteboard, and now it is a real machine that will look down on our coast',
        speaker: 'Sami Gharbi, engineering student and project leader',
      },
      tags: ['Space', 'Universities', 'Science'],
    },
    {
      title: 'Dozens of rural schools near Ouarzazate get high-speed internet connections',
      dek: 'A mix of fibre and wireless links now connects sixty village schools, allowing teachers to use online lessons and pupils to join shared classes with schools in the city.',
      place: 'Ouarzazate',
      lead: [
        'Sixty village schools in the mountains and oases around Ouarzazate now have high-speed internet connections, after a two-year project that combined fibre optic cables along main roads with wireless relay towers placed on hilltops to reach more remote communities.',
        'Until recently, many of these schools relied on weak mobile signals that made even loading a web page difficult. Teachers say they can now stream educational videos, download lesson materials and communicate with families and education offices without travelling to town.',
      ],
      subheading: 'Shared classes across the distance',
      rest: [
        'One of the first uses of the new connections has been shared classes, in which a specialist teacher in the city delivers a weekly science or English lesson to several village classrooms at once. Local teachers stay in the room to support pupils and lead follow-up activities.',
        'The towers are powered by solar panels with battery storage, so they continue working during power cuts. Education officials said the network would be extended to another forty schools next year, and that some connections would also be opened to nearby health centres.',
      ],
      quote: {
        text: 'Distance used to decide what our pupils could learn, and now it matters much less',
        speaker: 'Aicha Oubella, headteacher of a primary school in an oasis village',
      },
      tags: ['Internet', 'Schools', 'Education', 'Solar power'],
    },
  ],
  health: [
    {
      title: 'New community clinic opens in Homs with family doctors and a pharmacy',
      dek: 'The clinic will serve around twenty thousand residents in the western districts, offering family medicine, vaccinations, maternal care and a small pharmacy, with evening hours for working families.',
      place: 'Homs',
      lead: [
        'A new community clinic opened in the western districts of Homs this week, offering family medicine, vaccinations, care for expectant mothers and a small pharmacy to a neighbourhood of around twenty thousand people that previously had to travel across the city for basic care.',
        'The clinic occupies a renovated two-storey building and employs four family doctors, six nurses, a midwife and a pharmacist. It will open six days a week, with evening hours on three days so that people who work during the day can attend.',
      ],
      subheading: 'Focus on chronic conditions',
      rest: [
        'Staff said a priority would be helping patients manage long-term conditions such as diabetes and high blood pressure, which often go unchecked when care is far away. Patients will receive regular check-ups, simple blood tests on site and advice on diet and medication.',
        'A health education room will host weekly sessions on nutrition, child development and first aid, open to all residents. Appointments can be booked by phone or in person, and walk-in patients will be seen every morning for urgent but minor problems.',
      ],
      quote: {
        text: 'A good clinic is one close enough that people come before they are seriously ill, not after',
        speaker: 'Dr Bassel Hamwi, family doctor and director of the clinic',
      },
      tags: ['Health care', 'Clinics', 'Healthy living'],
    },
    {
      title: 'School health programme in Baghdad checks the eyesight and hearing of pupils',
      dek: "Mobile teams will visit two hundred primary schools this term to screen children's eyesight, hearing and teeth, and pupils who need glasses will receive them free of charge.",
      place: 'Baghdad',
      lead: [
        'Mobile health teams began visiting primary schools in Baghdad this week as part of a programme to screen young pupils for problems with their eyesight, hearing and teeth, which can affect learning if they are not detected early.',
        'Over the coming term the teams will visit about two hundred schools, examining children in the first three grades. Each team includes a nurse, an optometrist and a dental hygienist, and brings portable equipment that can be set up in a classroom within an hour.',
      ],
      subheading: 'Free glasses for those who need them',
      rest: [
        'Pupils found to need glasses will receive them free of charge within three weeks, fitted with sturdy frames designed for children. Those with suspected hearing or dental problems will be referred to nearby health centres, and parents will receive a written report with simple advice.',
        'Teachers have also been given short training on signs that a child may be struggling to see or hear, such as squinting at the board or not responding when called. Health officials hope to extend the programme to secondary schools next year.',
      ],
      quote: {
        text: 'Sometimes a child labelled as inattentive simply cannot see the board, and a pair of glasses changes everything',
        speaker: 'Dr Zainab Kadhim, coordinator of the school health programme',
      },
      tags: ['Schools', 'Children', 'Health care'],
    },
    {
      title: 'Hospitals in Algiers launch summer blood donation drive to keep stocks steady',
      dek: 'With donations usually falling during the summer holidays, hospitals are opening weekend collection points in shopping centres and universities, aiming to register ten thousand new regular donors.',
      place: 'Algiers',
      lead: [
        'Hospitals in Algiers have launched a summer blood donation campaign to prevent the shortages that often occur when regular donors travel during the holidays, just as demand for blood rises because of road accidents and planned operations.',
        'Mobile collection units will be stationed at shopping centres, university campuses and large workplaces on weekends, and hospital blood banks will extend their opening hours into the evening. The campaign aims to register ten thousand new donors who will give at least twice a year.',
      ],
      subheading: 'A quick and safe process',
      rest: [
        'Doctors stress that giving blood takes about half an hour from registration to the end of a short rest, and that donors receive a free check of their blood pressure and haemoglobin levels. Healthy adults between eighteen and sixty-five can give blood several times a year.',
        'Volunteers from student associations and sports clubs are helping to spread the word through social media and neighbourhood events. Donors can book a slot through a telephone line, and each receives a card recording their blood group and the dates of their donations.',
      ],
      quote: {
        text: 'One donation can help up to three patients, and most people who give once discover how easy it is to come back',
        speaker: 'Dr Samira Boudiaf, head of a hospital blood transfusion centre',
      },
      tags: ['Blood donation', 'Hospitals', 'Health care'],
    },
  ],
};
