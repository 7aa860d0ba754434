/**
 * The evaluation engine's version, frozen into every evaluation snapshot. Bump it whenever a change to
 * src/domain/evaluation can change a verdict, an explanation or a projection for the same inputs.
 */
export const ENGINE_VERSION = '1.0.0';
