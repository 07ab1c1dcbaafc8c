import type { MediaView } from '@/db/queries/views';
import { CARD_RATIO, cardFallback, cardSrcSet } from '@/lib/media/card-crop';

interface Props {
  image: MediaView;
  sizes: string;
  priority?: boolean;
  className?: string;
}

/**
 * A card's picture: always 16:9 (the crop around the image's focal point), so a portrait photo
 * takes the same room as a landscape one. Width, height and aspect-ratio are the crop's: the box
 * is reserved before the file arrives. Decorative: the card's headline is its link text.
 */
export function CardImage({ image, sizes, priority, className }: Props) {
  const fallback = cardFallback(image);
  return (
    // eslint-disable-next-line @next/next/no-img-element -- card variants are made by sharp at upload/seed time
    <img
      src={fallback.src}
      srcSet={cardSrcSet(image)}
      sizes={sizes}
      width={fallback.width}
      height={fallback.height}
      alt=""
      loading={priority ? 'eager' : 'lazy'}
      fetchPriority={priority ? 'high' : 'auto'}
      decoding={priority ? 'sync' : 'async'}
      style={{ aspectRatio: `${CARD_RATIO.width} / ${CARD_RATIO.height}` }}
      className={`block h-auto w-full bg-ink-100 object-cover ${className ?? ''}`}
    />
  );
}
