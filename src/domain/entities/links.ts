/** Links kept in user data: only web addresses, so a stored link can never run code when opened. */
import { z } from 'zod';

export const WebUrl = z.url({ protocol: /^https?$/ });
export const HttpsUrl = z.url({ protocol: /^https$/ });
