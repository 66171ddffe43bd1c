module.exports = {
  projects: [
    { displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.js', '<rootDir>/src/plugins/*/tests/**/*.test.js'], testEnvironment: 'node' },
    {
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.test.js'],
      testEnvironment: 'node',
    },
    { displayName: 'multiprocess', testMatch: ['<rootDir>/tests/multiprocess/**/*.test.js'], testEnvironment: 'node' },
    { displayName: 'browser', testMatch: ['<rootDir>/tests/browser/**/*.test.js'], testEnvironment: 'node' },
  ],
};
