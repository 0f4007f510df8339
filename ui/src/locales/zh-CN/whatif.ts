// The texts of what-if simulations, calibration and charts.
export const whatif = {};
