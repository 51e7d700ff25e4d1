import { categoryOf, matchesCategories } from './category';

describe('stream categories', () => {
  it.each([
    ['course-42', 'course'],
    ['order-3f2a-77', 'order'],
    ['course', 'course'],
    ['-odd', ''],
  ])('the category of %s is "%s"', (stream, category) => {
    expect(categoryOf(stream)).toBe(category);
  });

  it('matches only the listed categories, and everything when the list is absent or empty', () => {
    expect(matchesCategories('course-1', ['course', 'quiz'])).toBe(true);
    expect(matchesCategories('courseware-1', ['course'])).toBe(false);
    expect(matchesCategories('payment-1', ['course'])).toBe(false);
    expect(matchesCategories('payment-1', undefined)).toBe(true);
    expect(matchesCategories('payment-1', [])).toBe(true);
  });
});
