// autocannon 8 ships no types; the bench uses its programmatic API with the options it documents.
declare module 'autocannon' {
  function autocannon(options: Record<string, unknown>): Promise<unknown>;
  export default autocannon;
}
