import { z } from 'zod'

// zod probes `new Function`, which the strict CSP forbids (and reports as a violation);
// jitless skips the probe. Imported first by main.tsx, before any schema is used.
z.config({ jitless: true })
