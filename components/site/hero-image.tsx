import type { MediaView } from '@/db/queries/views';
import { focalOf } from '@/lib/media/card-crop';
import { mediaFallbackSrc, mediaSrcSet } from '@/lib/media/urls';

/** The tallest a lead image is drawn: a portrait photo shows as 4:5, cropped around its focal point. */
const TALLEST = { width: 4, height: 5 };

interface Props {
  image: MediaView;
  /** The `sizes` attribute: how wide the image is drawn at each breakpoint. */
  sizes: string;
  /** The page's lead image loads first; the rest wait until they are near the viewport. */
  priority?: boolean;
  className?: string;
  /** Decorative copies (a card whose headline is the link text) get empty alt. */
  decorative?: boolean;
}

export function HeroImage({ image, sizes, priority, className, decorative }: Props) {
  // CASE: a story's own picture keeps its shape up to 4:5; a taller one would fill two phone screens.
  const tall = image.height * TALLEST.width > image.width * TALLEST.height;
  const focal = focalOf(image);
  const style = tall
    ? {
        aspectRatio: `${TALLEST.width} / ${TALLEST.height}`,
        objectPosition: `${Math.round(focal.x * 100)}% ${Math.round(focal.y * 100)}%`,
      }
    : undefined;
  return (
    // eslint-disable-next-line @next/next/no-img-element -- variants are made by sharp at upload/seed time
    <img
      src={mediaFallbackSrc(image)}
      srcSet={mediaSrcSet(image)}
      sizes={sizes}
      width={image.width}
      height={image.height}
      alt={decorative ? '' : image.alt}
      loading={priority ? 'eager' : 'lazy'}
      fetchPriority={priority ? 'high' : 'auto'}
      decoding={priority ? 'sync' : 'async'}
      style={style}
      className={`block h-auto w-full bg-ink-100 object-cover ${className ?? ''}`}
    />
  );
}
