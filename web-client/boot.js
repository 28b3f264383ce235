// Starts the client. A file of its own, not a script inside index.html, so that the page's
// Content-Security-Policy allows no inline script at all. `cargo xtask` writes the
// fingerprinted names of the two files in here.
import init from "/web_client.js";
init({ module_or_path: "/web_client_bg.wasm" });
