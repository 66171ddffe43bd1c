module.exports = {
  // Keeps the browser test that runs `npm run develop` (which rebuilds dist/) after the others.
  testSequencer: '<rootDir>/tests/helpers/browser-sequencer.js',
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
