/**
 * Prometheus alert templates: Go's text/template language with Prometheus' functions, reimplemented so that labels
 * and annotations expand to exactly the text Prometheus would produce, errors included.
 *
 * <p>Entry points: {@link io.vigil.rule.template.AlertTemplate} for rule labels and annotations,
 * {@link io.vigil.rule.template.GoTemplate} for other Go templates, and
 * {@link io.vigil.rule.template.GoFloatFormat} for Go's float formatting on its own.
 *
 * <p>Not available: PromQL from templates ({@code query}, {@code first}, {@code label}, {@code value},
 * {@code strvalue}, {@code sortByLabel}) and Go time values ({@code toTime}); these parse, as in Prometheus, and fail
 * with "function X is not supported" when run. Also absent: method calls on values, complex numbers, explicit fmt
 * argument indexes ({@code %[1]d}) and the Go-syntax verb {@code %#v}.
 */
package io.vigil.rule.template;
