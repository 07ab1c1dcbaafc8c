/**
 * "Which meta key holds what": the plugins and themes of Arabic news sites each keep the SEO
 * title, view count or subtitle under keys of their own. The presets are data, so the import
 * screen can show them, the operator can add a key, and the mapping below stays one loop.
 */
import { looksSerialized, phpArrayString, unserializePhp, type PhpValue } from './php-unserialize';
import type { WxrMeta } from './types';

export const MAPPED_FIELDS = [
  'seoTitle',
  'seoDescription',
  'primaryCategory',
  'views',
  'subtitle',
  'source',
] as const;
export type MappedField = (typeof MAPPED_FIELDS)[number];

/** Where one field's value lives: a meta key, or a key inside a PHP-serialised array in it. */
export interface MetaSource {
  key: string;
  /** For serialised values: the array key to read (tagDiv packs several fields in one). */
  serializedKey?: string;
}

export type MetaPreset = {
  id: string;
  label: string;
} & { [F in MappedField]?: MetaSource[] };

export const META_PRESETS: readonly MetaPreset[] = [
  {
    id: 'yoast',
    label: 'Yoast SEO',
    seoTitle: [{ key: '_yoast_wpseo_title' }],
    seoDescription: [{ key: '_yoast_wpseo_metadesc' }],
    primaryCategory: [{ key: '_yoast_wpseo_primary_category' }],
  },
  {
    id: 'rank-math',
    label: 'Rank Math',
    seoTitle: [{ key: 'rank_math_title' }],
    seoDescription: [{ key: 'rank_math_description' }],
    primaryCategory: [{ key: 'rank_math_primary_category' }],
  },
  // No fixture comes from Jannah or Newspaper (SOURCES.md, "Gaps"): the keys below are the ones
  // the themes' own templates read — get_post_meta($id, 'tie_post_sub_title'), and
  // td_post_theme_settings['td_subtitle' | 'td_source' | 'td_primary_cat'] — and the ones
  // TieLabs' switcher from Newspaper maps between. Jannah's tie_source is a list of
  // {text, url} pairs, not a line of text, so it is left to the import's mapping step.
  {
    id: 'jannah',
    label: 'Jannah (TieLabs)',
    views: [{ key: 'tie_views' }],
    subtitle: [{ key: 'tie_post_sub_title' }],
    primaryCategory: [{ key: 'tie_primary_category' }],
  },
  {
    id: 'newspaper',
    label: 'Newspaper (tagDiv)',
    subtitle: [{ key: 'td_post_theme_settings', serializedKey: 'td_subtitle' }],
    source: [{ key: 'td_post_theme_settings', serializedKey: 'td_source' }],
    primaryCategory: [{ key: 'td_post_theme_settings', serializedKey: 'td_primary_cat' }],
  },
  {
    id: 'wp-postviews',
    label: 'WP-PostViews and view counters',
    views: [{ key: 'views' }, { key: 'post_views_count' }, { key: 'post_view_count' }],
  },
];

export interface MappedMeta {
  seoTitle: string | null;
  seoDescription: string | null;
  /** The old term id of the primary category (it may not exist in the file). */
  primaryCategory: number | null;
  views: number | null;
  subtitle: string | null;
  source: string | null;
}

/** The presets' sources merged per field, in preset order. */
export function combinePresets(presets: readonly MetaPreset[]): Record<MappedField, MetaSource[]> {
  const out = Object.fromEntries(MAPPED_FIELDS.map((f) => [f, [] as MetaSource[]])) as Record<
    MappedField,
    MetaSource[]
  >;
  for (const p of presets) for (const f of MAPPED_FIELDS) out[f].push(...(p[f] ?? []));
  return out;
}

const ALL_SOURCES = combinePresets(META_PRESETS);

function readSource(
  meta: Map<string, string>,
  parsed: Map<string, PhpValue | null>,
  s: MetaSource,
): string | null {
  const value = meta.get(s.key);
  if (value === undefined) return null;
  if (!s.serializedKey) return value;
  if (!parsed.has(s.key)) {
    let v: PhpValue | null = null;
    // A malformed or refused value is data we cannot read, not a reason to drop the post.
    try {
      v = looksSerialized(value) ? unserializePhp(value, { repairLengths: true }) : null;
    } catch {
      v = null;
    }
    parsed.set(s.key, v);
  }
  return phpArrayString(parsed.get(s.key) ?? null, s.serializedKey);
}

/**
 * An item's postmeta as the fields Midad keeps. Text fields take the first non-empty source;
 * views take the largest count (a site that changed counter plugins has both, the newer one
 * larger); a primary category is a term id or nothing ('' is common).
 */
export function mapItemMeta(
  meta: readonly WxrMeta[],
  sources: Record<MappedField, MetaSource[]> = ALL_SOURCES,
): MappedMeta {
  const byKey = new Map<string, string>();
  // WordPress keeps duplicate keys; the first one is what get_post_meta(…, true) returns.
  for (const m of meta) if (!byKey.has(m.key)) byKey.set(m.key, m.value);
  const parsed = new Map<string, PhpValue | null>();
  const text = (field: MappedField): string | null => {
    for (const s of sources[field]) {
      const v = readSource(byKey, parsed, s)?.trim();
      if (v) return v;
    }
    return null;
  };
  let views: number | null = null;
  for (const s of sources.views) {
    const v = readSource(byKey, parsed, s)?.trim() ?? '';
    if (/^\d+$/.test(v)) views = Math.max(views ?? 0, Number(v));
  }
  const primary = text('primaryCategory');
  return {
    seoTitle: text('seoTitle'),
    seoDescription: text('seoDescription'),
    primaryCategory: primary && /^\d+$/.test(primary) && Number(primary) > 0 ? Number(primary) : null,
    views,
    subtitle: text('subtitle'),
    source: text('source'),
  };
}
