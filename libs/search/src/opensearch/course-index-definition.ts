/**
 * The course index: `english` analysis for full text (stemming, stop words), and a `.prefix`
 * sub-field indexed as edge n-grams so that "kube" finds "Kubernetes" as the user types. Tags and
 * level are keywords: exact filters and terms aggregations. `dynamic: strict` refuses a document
 * that drifted from this mapping instead of silently guessing a type.
 */
export const courseIndexDefinition = {
  settings: {
    analysis: {
      filter: {
        course_edge_ngram: { type: 'edge_ngram', min_gram: 2, max_gram: 20 },
      },
      analyzer: {
        course_prefix: {
          type: 'custom',
          tokenizer: 'standard',
          filter: ['lowercase', 'asciifolding', 'course_edge_ngram'],
        },
        // The query side must not be n-grammed too, or "kubx" would match on its "ku".
        course_prefix_search: {
          type: 'custom',
          tokenizer: 'standard',
          filter: ['lowercase', 'asciifolding'],
        },
      },
    },
  },
  mappings: {
    dynamic: 'strict',
    properties: {
      id: { type: 'keyword' },
      title: {
        type: 'text',
        analyzer: 'english',
        fields: {
          prefix: { type: 'text', analyzer: 'course_prefix', search_analyzer: 'course_prefix_search' },
        },
      },
      description: {
        type: 'text',
        analyzer: 'english',
        fields: {
          prefix: { type: 'text', analyzer: 'course_prefix', search_analyzer: 'course_prefix_search' },
        },
      },
      tags: { type: 'keyword', fields: { text: { type: 'text', analyzer: 'english' } } },
      level: { type: 'keyword' },
      priceCents: { type: 'integer' },
      currency: { type: 'keyword' },
      seatsLeft: { type: 'integer' },
      startsAt: { type: 'date' },
      published: { type: 'boolean' },
    },
  },
} as const;
