// English's catalogue files, as one chunk the app loads when it is chosen.
// English errors are Rust's own messages; errors.ftl is only the reference
// the other languages are checked against.
export default Object.values(
  import.meta.glob(['./*.ftl', '!./errors.ftl'], { query: '?raw', import: 'default', eager: true }) as Record<string, string>,
);
