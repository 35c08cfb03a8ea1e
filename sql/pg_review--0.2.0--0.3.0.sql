/*
 * pg_review 0.2.0 -> 0.3.0
 *
 * Like the install script, every reference is qualified with @extschema@ or
 * pg_catalog.
 */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION pg_review UPDATE TO '0.3.0'" to load this file. \quit
