import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

/**
 * Local and development chains only: the stand-in digital tenge, its fixed supply minted to `holder`.
 * Production points the escrow at the real token and never deploys this module.
 */
export default buildModule("DigitalTenge", (m) => {
  const tenge = m.contract("DigitalTenge", [m.getParameter("holder"), m.getParameter("supply")]);
  return { tenge };
});
