/** Writes the bad-input corpus into test/fixtures/bad/ (the tests generate the same files on the fly). */
import path from 'path';
import { writeBadInputs } from '../test/support/bad-inputs';

writeBadInputs(path.join(__dirname, '..', 'test', 'fixtures', 'bad')).then((files) => {
  for (const f of Object.values(files)) console.log(f);
});
