import type { StorySeed } from '../types';

/** A story told once, set in several places: the place and a figure change, the reporting stays ours. */
export interface StoryKernel {
  title: (place: string, n: number) => string;
  dek: (place: string, n: number) => string;
  lead: ((place: string, n: number) => string)[];
  subheading: string;
  rest: ((place: string, n: number) => string)[];
  quote: { text: string; speaker: string };
  tags: string[];
}

/** Every kernel in every place, interleaved so neighbouring stories differ. */
export function expand(kernels: StoryKernel[], places: { name: string; tag?: string }[]): StorySeed[] {
  const out: StorySeed[] = [];
  places.forEach((place, p) => {
    kernels.forEach((k, i) => {
      const n = 3 + ((i * 7 + p * 5) % 17);
      out.push({
        title: k.title(place.name, n),
        dek: k.dek(place.name, n),
        place: place.name,
        lead: k.lead.map((f) => f(place.name, n)),
        subheading: k.subheading,
        rest: k.rest.map((f) => f(place.name, n)),
        quote: k.quote,
        // Each telling keeps two of the kernel's tags, so its siblings are not all its "related" stories.
        tags: [
          ...new Set([
            k.tags[p % k.tags.length]!,
            k.tags[(p + 1) % k.tags.length]!,
            ...(place.tag ? [place.tag] : []),
          ]),
        ],
      });
    });
  });
  return out;
}

/** "5 أفران" but "15 فرناً": Arabic counted nouns are plural from 3 to 10 and singular after. */
export function count(n: number, plural: string, singular: string): string {
  return `${n} ${n >= 3 && n <= 10 ? plural : singular}`;
}
