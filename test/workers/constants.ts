/** Values shared by the Node global setup and the tests inside workerd. */
export const SLACK_SECRET = 'workers-test-signing-secret-0123456789';
export const REVIEW_CHANNEL = 'C0REVIEWS';
export const ADMIN_EMAIL = 'secretariat@example.org';
export const ADMIN_PASSWORD = 'correct horse battery staple';
