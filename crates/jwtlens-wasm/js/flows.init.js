// `jwtlens/flows/init`: the simulation with no top-level await (see `jwtlens/init`).
export { simulate, compareStrategies, Simulation, JwtlensError, version, init, initSync } from "./sandbox.init.js";
