/* Soft cues synthesised at start-up: no sound files. A rising pair of notes for breathing in,
 * a falling pair for breathing out, one quiet note for holds, a bell to close.
 *
 * Sound goes through a backend, a small table of functions as in taisei: SDL_mixer on a real
 * device; a null one when there is no device (Attune carries on silently and says so once);
 * and in scripted mode a recording one that plays nothing and keeps which cue sounded when,
 * for the `sounds` script command and the tests. */
#include <SDL_mixer.h>
#include <math.h>
#include <stdlib.h>

#include "app.h"

#define RATE 44100

typedef struct AudioBackend {
    const char *name;
    bool (*open)(App *a, Audio *au);  /* false: fall back to the null backend */
    void (*play)(App *a, Audio *au, Cue c);
    void (*stop)(Audio *au);          /* silences what is playing (muting) */
    void (*close)(Audio *au);
} AudioBackend;

struct Audio {
    const AudioBackend *be;
    bool muted;
    Mix_Chunk *chunk[CUE_COUNT];
    Sint16 *pcm[CUE_COUNT];
    AudioPlayed *played; /* the recording backend's list */
    int nplayed, cap_played;
};

typedef struct Note {
    float freq, start_s, amp, decay_s;
} Note;

/* Adds a softly struck sine with a few quiet partials: ~30 ms attack, exponential decay. Each
 * partial is a phasor turned by a fixed angle every sample, and the decay a fixed factor, so
 * no sample calls sinf or expf: the cues are ready a few milliseconds after start-up. */
static void add_note(float *buf, int frames, Note n)
{
    const double attack = 0.03;
    const double partial[3] = {1.0, 2.0, 3.01};
    const double weight[3] = {1.0, 0.18, 0.06};
    double re[3], im[3], step_re[3], step_im[3];
    for (int p = 0; p < 3; p++) {
        double w = 2 * M_PI * n.freq * partial[p] / RATE;
        re[p] = 1, im[p] = 0;
        step_re[p] = cos(w), step_im[p] = sin(w);
    }
    const int rise = (int)(attack * RATE);
    const double fall = exp(-1.0 / (n.decay_s * RATE));
    double env = 0;
    for (int i = (int)(n.start_s * RATE), k = 0; i < frames; i++, k++) {
        env = k < rise ? (double)k / rise : k == rise ? 1.0 : env * fall;
        if (k > rise && env < 1e-4) break;
        double s = 0;
        for (int p = 0; p < 3; p++) {
            s += weight[p] * im[p];
            double r = re[p] * step_re[p] - im[p] * step_im[p];
            im[p] = re[p] * step_im[p] + im[p] * step_re[p];
            re[p] = r;
        }
        buf[i] += (float)(n.amp * env * s);
    }
}

static Mix_Chunk *synth(Audio *au, Cue cue, const Note *notes, int n, float seconds)
{
    int frames = (int)(seconds * RATE);
    float *mono = calloc((size_t)frames, sizeof *mono);
    Sint16 *pcm = malloc((size_t)frames * 2 * sizeof *pcm);
    if (!mono || !pcm) {
        free(mono);
        free(pcm);
        return NULL;
    }
    for (int i = 0; i < n; i++) add_note(mono, frames, notes[i]);
    for (int i = 0; i < frames; i++) {
        float fade = i > frames - 2000 ? (float)(frames - i) / 2000.0f : 1.0f; /* no click */
        float v = mono[i] * fade;
        if (v > 1) v = 1;
        if (v < -1) v = -1;
        pcm[2 * i] = pcm[2 * i + 1] = (Sint16)(v * 32000);
    }
    free(mono);
    au->pcm[cue] = pcm;
    return Mix_QuickLoad_RAW((Uint8 *)pcm, (Uint32)(frames * 2 * sizeof *pcm));
}

/* ---- SDL_mixer: the real device ---- */

static bool mixer_open(App *a, Audio *au)
{
    (void)a;
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0 || Mix_OpenAudio(RATE, AUDIO_S16SYS, 2, 1024) != 0) {
        app_log("no audio device (%s): running silently", Mix_GetError());
        return false;
    }
    int freq, channels;
    Uint16 format;
    if (!Mix_QuerySpec(&freq, &format, &channels) || freq != RATE || format != AUDIO_S16SYS ||
        channels != 2) {
        app_log("audio device format not supported: running silently");
        Mix_CloseAudio();
        return false;
    }
    const float A3 = 220.0f, C4 = 261.63f, E4 = 329.63f, A4 = 440.0f, E5 = 659.26f, C5 = 523.25f;
    Note in[] = {{A4, 0, 0.13f, 0.45f}, {E5, 0.16f, 0.11f, 0.6f}};
    Note out[] = {{E5, 0, 0.11f, 0.45f}, {A4, 0.16f, 0.13f, 0.6f}};
    Note hold[] = {{C5, 0, 0.09f, 0.5f}};
    Note rest[] = {{E4, 0, 0.09f, 0.5f}};
    Note bell[] = {{A3, 0, 0.16f, 1.6f}, {A3 * 2.76f, 0, 0.05f, 0.9f}, {A3 * 5.4f, 0, 0.025f, 0.5f},
                   {C4 * 2, 0.02f, 0.05f, 1.2f}};
    Note tick[] = {{E5, 0, 0.06f, 0.15f}};
    au->chunk[CUE_IN] = synth(au, CUE_IN, in, 2, 1.6f);
    au->chunk[CUE_OUT] = synth(au, CUE_OUT, out, 2, 1.6f);
    au->chunk[CUE_HOLD] = synth(au, CUE_HOLD, hold, 1, 1.4f);
    au->chunk[CUE_REST] = synth(au, CUE_REST, rest, 1, 1.4f);
    au->chunk[CUE_BELL] = synth(au, CUE_BELL, bell, 4, 4.5f);
    au->chunk[CUE_TICK] = synth(au, CUE_TICK, tick, 1, 0.5f);
    Mix_AllocateChannels(8);
    return true;
}

static void mixer_play(App *a, Audio *au, Cue c)
{
    (void)a;
    if (au->chunk[c]) Mix_PlayChannel(-1, au->chunk[c], 0);
}

static void mixer_stop(Audio *au)
{
    (void)au;
    Mix_HaltChannel(-1);
}

static void mixer_close(Audio *au)
{
    Mix_HaltChannel(-1);
    for (int i = 0; i < CUE_COUNT; i++)
        if (au->chunk[i]) Mix_FreeChunk(au->chunk[i]);
    Mix_CloseAudio();
}

static const AudioBackend MIXER = {"mixer", mixer_open, mixer_play, mixer_stop, mixer_close};

/* ---- null: no device ---- */

static void null_play(App *a, Audio *au, Cue c)
{
    (void)a, (void)au, (void)c;
}

static void null_stop(Audio *au) { (void)au; }

static const AudioBackend NULL_BACKEND = {"null", NULL, null_play, null_stop, null_stop};

/* ---- recording: scripted mode ---- */

static bool record_open(App *a, Audio *au)
{
    (void)a, (void)au;
    return true;
}

static void record_play(App *a, Audio *au, Cue c)
{
    if (au->nplayed == au->cap_played) {
        int cap = au->cap_played ? au->cap_played * 2 : 64;
        AudioPlayed *p = realloc(au->played, (size_t)cap * sizeof *p);
        if (!p) return;
        au->played = p;
        au->cap_played = cap;
    }
    au->played[au->nplayed++] = (AudioPlayed){a->now, c};
}

static const AudioBackend RECORDING = {"recording", record_open, record_play, null_stop, null_stop};

/* ---- the cues ---- */

void audio_init(App *a)
{
    Audio *au = calloc(1, sizeof *au);
    if (!au) return;
    a->audio = au;
    au->muted = a->audio_muted_setting;
    au->be = a->scripted ? &RECORDING : &MIXER;
    if (!au->be->open(a, au)) au->be = &NULL_BACKEND;
}

void audio_quit(App *a)
{
    Audio *au = a->audio;
    if (!au) return;
    au->be->close(au);
    for (int i = 0; i < CUE_COUNT; i++) free(au->pcm[i]);
    free(au->played);
    free(au);
    a->audio = NULL;
}

void audio_play(App *a, Cue c)
{
    Audio *au = a->audio;
    if (!au || au->muted || (unsigned)c >= CUE_COUNT) return;
    au->be->play(a, au, c);
}

bool audio_muted(const App *a) { return a->audio ? a->audio->muted : a->audio_muted_setting; }

void audio_set_muted(App *a, bool muted)
{
    a->audio_muted_setting = muted;
    if (a->audio) {
        a->audio->muted = muted;
        if (muted) a->audio->be->stop(a->audio);
    }
}

const char *audio_cue_name(Cue c)
{
    static const char *const NAME[CUE_COUNT] = {"in", "hold", "out", "rest", "bell", "tick"};
    return (unsigned)c < CUE_COUNT ? NAME[c] : "";
}

const AudioPlayed *audio_played(const App *a, int *n)
{
    *n = a->audio ? a->audio->nplayed : 0;
    return a->audio ? a->audio->played : NULL;
}
