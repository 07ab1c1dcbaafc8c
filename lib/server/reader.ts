import 'server-only';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { getLiveArticle } from '@/db/queries/articles';
import { getDateSettings } from '@/db/queries/settings';
import { listSections } from '@/db/queries/taxonomy';

/**
 * Reads shared by a request's layout, page and metadata, deduplicated with React cache().
 * The clock is read once per request, so every block agrees on what is live.
 */
export const getRequestNow = cache(() => new Date());
/** Each a promise, shared by the request's callers: await it. */
export const getRequestDateSettings = cache(() => getDateSettings(getDb()));
export const getRequestSections = cache(() => listSections(getDb()));
export const getRequestArticle = cache((id: number) => getLiveArticle(getDb(), id, getRequestNow()));
