/** Console output: phases as lines, load progress in place on a terminal (every 5 s otherwise). */
const tty = process.stdout.isTTY;
let lastPlain = 0;
let open = false;

const clear = () => {
  if (open) process.stdout.write('\r\x1b[2K');
  open = false;
};

/** @param {string} msg */
export const say = (msg) => {
  clear();
  console.log(`• ${msg}`);
};

/** @param {string} msg */
export const warn = (msg) => {
  clear();
  console.warn(`! ${msg}`);
};

/** @param {string} line */
export function progress(line) {
  if (tty) {
    process.stdout.write(`\r\x1b[2K  ${line}`);
    open = true;
  } else if (Date.now() - lastPlain >= 5000) {
    lastPlain = Date.now();
    console.log(`  ${line}`);
  }
}

export const endProgress = clear;
