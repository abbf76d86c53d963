/** 2^24: each lead owns this many message rowids, `n * MESSAGES_PER_LEAD + k`. */
export const MESSAGES_PER_LEAD = 16_777_216;
