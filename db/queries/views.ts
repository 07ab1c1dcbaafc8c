import type { ArticleStatus } from '../schema';

/** A hero or inline image as stored: variants are `{stem}-{width}.webp` under DATA_DIR/media. */
export interface MediaView {
  /** Present where the image can be chosen (the media library). */
  id?: number;
  stem: string;
  width: number;
  height: number;
  variantWidths: number[];
  alt: string;
  caption: string;
  credit: string;
  /** The focal point (0..1 each way) 16:9 cards are cropped around; null or absent: the centre. */
  focalX?: number | null;
  focalY?: number | null;
}

export interface SectionRef {
  id: number;
  slug: string;
  nameAr: string;
  nameEn: string;
}

export interface ArticleCard {
  id: number;
  slug: string;
  title: string;
  dek: string;
  publishedAt: Date;
  breaking: boolean;
  section: SectionRef;
  image: MediaView | null;
}

export interface PersonRef {
  id: number;
  slug: string;
  name: string;
}

export interface ArticleView extends ArticleCard {
  locale: string;
  body: string;
  wordCount: number;
  updatedAt: Date;
  status: ArticleStatus;
  sourceOutlet: string;
  sourceAgency: string;
  featured: boolean;
  seoTitle: string | null;
  seoDescription: string | null;
  tags: { id: number; slug: string; name: string }[];
  authors: PersonRef[];
  corrections: { id: number; note: string; createdAt: Date }[];
  /** The same story in the other edition, when that one is live. */
  translation: { id: number; locale: string; slug: string; title: string } | null;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageCount: number;
  total: number;
}
