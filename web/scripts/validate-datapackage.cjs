#!/usr/bin/env node
// Validates a Frictionless Data Package (spec v1) with the Frictionless libraries
// `datapackage` and `tableschema`: the descriptor against its profile (here
// tabular-data-package), then every row of every resource against its Table Schema —
// header names, types and formats, constraints (required, unique, enum, pattern,
// minimum), primary keys and foreign keys between the resources.
//
// Usage: node web/scripts/validate-datapackage.cjs path/to/datapackage.json
// Prints "valid" and exits 0, or prints one error a line and exits 1.
'use strict';

const path = require('node:path');
const { Package } = require('datapackage');

async function main(descriptor) {
  const errors = [];
  const dataPackage = await Package.load(path.resolve(descriptor), {
    basePath: path.dirname(path.resolve(descriptor)),
    strict: false,
  });
  for (const error of dataPackage.errors) {
    errors.push(`datapackage.json: ${error.message}`);
  }
  if (dataPackage.descriptor.profile !== 'tabular-data-package') {
    errors.push(`datapackage.json: profile is ${dataPackage.descriptor.profile}, not tabular-data-package`);
  }
  for (const resource of dataPackage.resources) {
    const name = resource.name;
    for (const error of resource.errors) {
      errors.push(`${name}: ${error.message}`);
    }
    if (!resource.tabular) {
      errors.push(`${name}: not a tabular resource`);
      continue;
    }
    if (resource.errors.length > 0) {
      continue;
    }
    let rows;
    try {
      rows = await resource.read({ forceCast: true, relations: hasForeignKeys(resource) });
    } catch (error) {
      errors.push(`${name}: ${describe(error)}`);
      continue;
    }
    rows.forEach((row, index) => {
      if (row instanceof Error) {
        errors.push(`${name}, row ${index + 2}: ${describe(row)}`);
      }
    });
  }
  return errors;
}

function hasForeignKeys(resource) {
  const schema = resource.descriptor.schema;
  return Boolean(schema && schema.foreignKeys && schema.foreignKeys.length > 0);
}

function describe(error) {
  const parts = [error.message];
  for (const inner of error.errors || []) {
    parts.push(inner.message);
  }
  return parts.join('; ');
}

const descriptor = process.argv[2];
if (!descriptor) {
  console.error('usage: validate-datapackage.cjs path/to/datapackage.json');
  process.exit(2);
}
main(descriptor).then(
  (errors) => {
    if (errors.length === 0) {
      console.log('valid');
      return;
    }
    errors.forEach((error) => console.log(error));
    process.exit(1);
  },
  (error) => {
    console.log(`cannot validate: ${describe(error)}`);
    process.exit(1);
  },
);
