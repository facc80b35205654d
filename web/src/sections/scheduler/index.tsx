/** The scheduler section: built in its own chunk, loaded when first opened. */
export default function Section() {
  return <h1>Scheduler</h1>;
}
