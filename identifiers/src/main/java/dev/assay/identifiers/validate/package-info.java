/**
 * The check rules that managed identifiers' validators apply to a match: checksums ({@link Luhn},
 * {@link Verhoeff}, {@link Iso7064}, {@link Iban}), the structure of national numbers per country,
 * and the values issuers never assign, with {@link Digits} for the text around a match. Every class
 * is stateless and thread-safe.
 */
package dev.assay.identifiers.validate;
