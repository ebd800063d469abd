import { afterAll } from 'vitest'
import { cleanUpTestFiles } from './helpers/db'

// Runs after every test file of the unit and integration projects: databases the file opened
// through the helpers are closed, and its temp folders removed.
afterAll(() => cleanUpTestFiles())
