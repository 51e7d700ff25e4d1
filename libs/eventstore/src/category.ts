/** A stream's category is its name up to the first '-': `course-42` -> `course`; a name without '-' is its own category. */
export function categoryOf(streamName: string): string {
  const dash = streamName.indexOf('-');
  return dash === -1 ? streamName : streamName.slice(0, dash);
}

/** An absent or empty filter matches every stream. */
export function matchesCategories(streamName: string, categories: readonly string[] | undefined): boolean {
  return !categories || categories.length === 0 || categories.includes(categoryOf(streamName));
}
