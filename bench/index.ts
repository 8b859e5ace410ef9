// npm run bench [-- api|deadlines|recon-search|all]: prints figures; never asserts times.
const which = process.argv[2] ?? 'all';
const suites: Record<string, () => Promise<void>> = {
  api: async () => (await import('./api')).run(),
  deadlines: async () => (await import('./deadlines')).run(),
  'recon-search': async () => (await import('./recon-search')).run(),
  legality: async () => (await import('./legality')).run(),
  enforcement: async () => (await import('./enforcement')).run(),
  dashboard: async () => (await import('./dashboard')).run(),
};
const names = which === 'all' ? Object.keys(suites) : [which];
for (const n of names) {
  const s = suites[n];
  if (!s) {
    console.error(`unknown benchmark "${n}"; choose one of: ${Object.keys(suites).join(', ')}, all`);
    process.exit(2);
  }
  console.log(`\n=== bench: ${n} ===`);
  await s();
}

export {};
