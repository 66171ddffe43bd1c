// Shapes shared by the pre-publication checks (issue 14). Plain data: the plugin service turns
// findings into the review panel, the API answer and the audit trail.

export type Severity = 'error' | 'warning';

/** One problem found; `excerpt` is already masked (no ID, phone, card, passport or e-mail in clear). */
export interface Finding {
  rule: string;
  severity: Severity;
  field: string;
  /** Attachment name and page / sheet / row, or the line of a field, where it applies. */
  location?: string;
  excerpt: string;
}

/** A piece of text to check: a field of the item, or a page / row / whole text of an attachment. */
export interface TextSource {
  field: string;
  location?: string;
  text: string;
}
