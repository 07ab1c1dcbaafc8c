import type { MediaView } from '@/db/queries/views';
import { mediaFallbackSrc, mediaSrcSet } from '@/lib/media/urls';

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
      className={`block h-auto w-full bg-ink-100 object-cover ${className ?? ''}`}
    />
  );
}
