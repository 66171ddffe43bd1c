export default ({ env }) => ({
  graphql: {
    config: {
      endpoint: '/graphql',
      shadowCRUD: true,
      landingPage: env('NODE_ENV') === 'development',
      // Bounded queries only: portals cannot ask for arbitrarily deep or large result sets.
      depthLimit: 7,
      amountLimit: 100,
      defaultLimit: 25,
      maxLimit: 100,
      apolloServer: { introspection: true },
    },
  },
});
