import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// Set to true by bin/build.mjs when it bundles the CLI into dist/; undeclared when run from the sources.
declare const SAMRAD_BUNDLED: boolean | undefined;

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The src folder, where the migrations and web assets live: this module's own folder, or, in the
 * bundle (dist/samrad.mjs), the src folder beside dist/.
 */
export const SRC_DIR = typeof SAMRAD_BUNDLED !== "undefined" && SAMRAD_BUNDLED ? join(here, "..", "src") : here;
