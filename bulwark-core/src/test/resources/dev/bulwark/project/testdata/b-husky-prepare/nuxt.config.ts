export default defineNuxtConfig({
  devtools: { enabled: true },
  modules: [],
});
