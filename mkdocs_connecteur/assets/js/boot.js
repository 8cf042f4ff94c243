// Loaded by pages that hold a checker as <script type="module" async> in their <head>
// (mkdocs_connecteur/runtime/hints.py): it runs as soon as it arrives, while the page is still
// being parsed, so the shared runtime's worker starts before Material's bundle and main.js.
// main.js calls start() too (the embed page, pages without this script): the first call wins.

import { start } from "./runtime.js";

start();
