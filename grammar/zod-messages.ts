/**
 * English messages for zod/mini, which loads no locale of its own (its
 * messages would read "Invalid input"). Imported, for this effect, by every
 * module that declares a zod/mini schema; they import zod itself as a
 * namespace (`import * as z from 'zod/mini'`) so that the bundler keeps only
 * the parts they use.
 */
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());
