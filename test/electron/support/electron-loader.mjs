// A Node module-resolution hook: `electron` resolves to stub-electron.mjs (bundle.test.ts).
export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') {
    return { url: new URL('./stub-electron.mjs', import.meta.url).href, shortCircuit: true };
  }
  return nextResolve(specifier, context);
}
