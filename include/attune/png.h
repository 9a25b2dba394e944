/* A minimal PNG writer (8-bit RGB, uncompressed deflate blocks): screenshots without
 * an image library. */
#ifndef ATTUNE_PNG_H
#define ATTUNE_PNG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Writes rows of packed RGB (3 bytes a pixel, `stride` bytes a row) to path.
 * Returns false and fills err on failure. */
bool png_write_rgb(const char *path, const uint8_t *rgb, int w, int h, size_t stride, char *err,
                   size_t errlen);

/* CRC-32 as PNG uses it (exposed for tests). */
uint32_t png_crc32(uint32_t crc, const uint8_t *p, size_t n);

#endif
