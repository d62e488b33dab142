// This language's catalogue files, as one chunk the app loads when it is chosen.
export default Object.values(import.meta.glob('./*.ftl', { query: '?raw', import: 'default', eager: true }) as Record<string, string>);
