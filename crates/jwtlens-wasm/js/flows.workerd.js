// `jwtlens/flows`: sessions vs JWTs, simulated (its own wasm, loaded only when imported).
export { simulate, compareStrategies, Simulation, JwtlensError, version } from "./sandbox.workerd.js";
