/** The lesson worker: PGlite and the engine, behind comlink. Thin on purpose. */
import { expose } from 'comlink';
import { createLessonApi } from './lesson-api.ts';

expose(createLessonApi());
