// STUB — the `vigil screen` command; replace with the real implementation.
import type { Command } from 'commander';
export function register(_program: Command): void {}
