/** The byline an edition prints: the Latin-letter name in English when the newsroom gave one. */
export function bylineName(person: { name: string; nameEn: string }, locale: string): string {
  return locale === 'en' && person.nameEn ? person.nameEn : person.name;
}

/** The author page's biography in an edition, with the same fallback. */
export function bylineBio(person: { bio: string; bioEn: string }, locale: string): string {
  return locale === 'en' && person.bioEn ? person.bioEn : person.bio;
}
