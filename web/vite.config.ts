// Vite configuration of the web application. `web/build.ts` builds with it; `vite dev` (from web/) uses it
// with a proxy to a running `motcua serve` on port 3000 for /api.
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root,
  base: "/",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    sourcemap: false,
  },
  server: {
    proxy: { "/api": process.env.MOTCUA_API ?? "http://127.0.0.1:3000" },
  },
  preview: {
    proxy: { "/api": process.env.MOTCUA_API ?? "http://127.0.0.1:3000" },
  },
});
