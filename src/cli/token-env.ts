/** The bearer token commands send to a tierwise server without --token; its own file so help loads nothing else. */
export const TOKEN_ENV = 'TIERWISE_TOKEN';
