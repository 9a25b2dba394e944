/* The breathing figure on OpenGL (SDL_RENDER_DRIVER=opengl; Mesa's llvmpipe under Xvfb in CI)
 * is drawn as on the software renderer, from the same kept texture (rings.c), not as triangles:
 * a GL frame must match the software frame of the same moment, pixel by pixel within the
 * rounding of blending. Skipped (exit 77) where there is no Xvfb or no OpenGL renderer. */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "apptest.h"
#include "check.h"

static pid_t xvfb;

static void stop_xvfb(void)
{
    if (xvfb > 0) {
        kill(xvfb, SIGTERM);
        waitpid(xvfb, NULL, 0);
        xvfb = 0;
    }
}

/* Starts Xvfb on a free display and sets DISPLAY; false if it cannot. */
static bool start_xvfb(void)
{
    if (system("command -v Xvfb >/dev/null 2>&1") != 0) return false;
    int n = 140;
    char lock[64], sock[64], disp[16];
    for (;; n++) {
        snprintf(lock, sizeof lock, "/tmp/.X%d-lock", n);
        if (access(lock, F_OK) != 0) break;
    }
    snprintf(sock, sizeof sock, "/tmp/.X11-unix/X%d", n);
    snprintf(disp, sizeof disp, ":%d", n);
    xvfb = fork();
    if (xvfb == 0) {
        int fd = open("/dev/null", O_WRONLY);
        if (fd >= 0) dup2(fd, 1), dup2(fd, 2);
        execlp("Xvfb", "Xvfb", disp, "-screen", "0", "1024x768x24", "-nolisten", "tcp", (char *)NULL);
        _exit(127);
    }
    if (xvfb < 0) return false;
    for (int i = 0; i < 100; i++) {
        struct stat st;
        if (stat(sock, &st) == 0) {
            setenv("DISPLAY", disp, 1);
            return true;
        }
        if (waitpid(xvfb, NULL, WNOHANG) == xvfb) {
            xvfb = 0;
            return false;
        }
        usleep(50 * 1000);
    }
    stop_xvfb();
    return false;
}

/* Pixels of a and b whose channels differ by more than `by`; the largest difference in *most. */
static long differing(const AtImage *a, const AtImage *b, int by, int *most)
{
    long n = 0;
    *most = 0;
    for (long i = 0; i < (long)a->w * a->h * 3; i += 3) {
        int d = 0;
        for (int c = 0; c < 3; c++) {
            int x = abs(a->rgb[i + c] - b->rgb[i + c]);
            if (x > d) d = x;
        }
        if (d > *most) *most = d;
        if (d > by) n++;
    }
    return n;
}

int main(int argc, char **argv)
{
    at_init(argc, argv);
    if (!start_xvfb()) {
        printf("skipped: no Xvfb to run an OpenGL window in\n");
        return 77;
    }
    atexit(stop_xvfb);
    const char *dir = at_tmpdir(0);
    at_checkins_off(dir);
    /* Mid-inhale of the second breath: the disc, its halo, the outline and the progress arc. */
    const char *script = "wait 21000\nshot $D/frame.bmp\n";
    unsetenv("SDL_VIDEODRIVER");
    setenv("SDL_RENDER_DRIVER", "opengl", 1);
    setenv("ATTUNE_TRACE_STARTUP", "1", 1);
    int rc = at_run(dir, "gl", dir, script, "breathe box --minutes 5");
    char path[1200];
    snprintf(path, sizeof path, "%s/gl.err", dir);
    char *err = at_read_file(path);
    bool gl = err && strstr(err, "renderer: opengl");
    free(err);
    if (rc != 0 || !gl) {
        printf("skipped: no OpenGL renderer under Xvfb (exit %d)\n", rc);
        return 77;
    }
    snprintf(path, sizeof path, "%s/frame.bmp", dir);
    char gl_path[1200];
    snprintf(gl_path, sizeof gl_path, "%s/gl.bmp", dir);
    CHECK(rename(path, gl_path) == 0);
    /* The same moment on the software renderer, headless. */
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    unsetenv("SDL_RENDER_DRIVER");
    CHECK_INT(at_run(dir, "sw", dir, script, "breathe box --minutes 5"), 0);
    AtImage g = {0}, s = {0};
    CHECK(at_load_bmp(gl_path, &g));
    CHECK(at_load_bmp(path, &s));
    if (g.rgb && s.rgb && g.w == s.w && g.h == s.h) {
        int most;
        long off = differing(&g, &s, 2, &most);
        printf("OpenGL and software frames: %ld of %d pixels differ by more than 2 (most %d)\n", off,
               g.w * g.h, most);
        /* Blending rounds differently on the GPU path: a few levels on text edges (about 500
         * pixels here, at most 9 levels). The figure as triangles differs all round its
         * edges, by up to a hundred levels (8,700 pixels). */
        CHECK(off < (long)g.w * g.h / 250);
        CHECK(most <= 24);
        /* And the figure is there: the middle of the circle is not the background. */
        const uint8_t *mid = &g.rgb[((size_t)(g.h * 44 / 100) * g.w + g.w / 2 + g.w / 20) * 3];
        const uint8_t *corner = &g.rgb[((size_t)(g.h / 2) * g.w + 5) * 3];
        CHECK(abs(mid[0] - corner[0]) + abs(mid[1] - corner[1]) + abs(mid[2] - corner[2]) > 60);
    } else {
        CHECK(false);
    }
    at_free_image(&g);
    at_free_image(&s);
    return check_report();
}
