import { defineConfig } from "vite";
import { fileURLToPath } from "node:url";

const descriptors = fileURLToPath(new URL("./.papi/descriptors/dist/index.js", import.meta.url));

export default defineConfig({
  base: "./",
  resolve: {
    alias: { "@polkadot-api/descriptors": descriptors },
  },
  build: {
    target: "es2022",
    sourcemap: false,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 600,
  },
  preview: { host: "127.0.0.1", strictPort: true },
});
