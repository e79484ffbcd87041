// The floor for the matching engine: the same hard constraints, score and order as
// Sources/PlacementCore/Matching (Profile.swift, Factor.swift, MatchEngine.swift) as one plain C loop
// over the very arrays the engine scores (written by `placefinder bench --peers`).
// Usage: floor DIR RUNS  -> prints "floor median_ms=..." and, per child, "N RANKED id id ..." (top 50).
// Build: cc -O2 -o floor floor.c -lm
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct { char name[32]; char kind; int64_t count; void *data; } Column;
typedef struct { Column cols[64]; int n; } Table;

static void load(const char *path, Table *t) {
    FILE *f = fopen(path, "rb");
    if (!f) { fprintf(stderr, "floor: cannot open %s\n", path); exit(1); }
    t->n = 0;
    char head[48];
    while (fread(head, 1, 48, f) == 48) {
        Column *c = &t->cols[t->n++];
        memcpy(c->name, head, 32);
        c->kind = head[32];
        memcpy(&c->count, head + 40, 8);
        c->data = malloc(c->count * 8 + 8);
        if (fread(c->data, 8, c->count, f) != (size_t)c->count) { fprintf(stderr, "floor: %s truncated\n", path); exit(1); }
    }
    fclose(f);
}

static Column *col(Table *t, const char *name) {
    for (int i = 0; i < t->n; i++) if (strcmp(t->cols[i].name, name) == 0) return &t->cols[i];
    fprintf(stderr, "floor: no column %s\n", name);
    exit(1);
}
#define D(t, name) ((double *)col(t, name)->data)
#define Q(t, name) ((int64_t *)col(t, name)->data)
#define N(t, name) (col(t, name)->count)

// The candidates in the engine's native widths (converted once, outside the timing).
typedef struct {
    int n;
    double *ux, *uy, *uz, *hold, *confirmed, *stability;
    uint8_t *ratingGrade; // by provider ordinal, 4 unrated
    uint64_t *caps;
    int32_t *available, *provider, *authority, *fee, *idRank;
    int16_t *beds, *maxSib;
    uint8_t *ageMin, *ageMax, *gender, *setting, *flags, *welsh, *sector;
    uint8_t kinshipBit;
    double road, radius, importantWeight;
} Index;

typedef struct {
    double home[3], school[3], needsPossible, minimumMiles, now, scale[12], inspectionScores[5];
    double locality[6], sectorScores[3], welshScores[3], fees[7], decay[3];
    int noNeeds, lacksSecureOrder;
    uint8_t planMask, excludeGrade;
    int hasSchool, hasMinimum, emergency, welshEssential, nAvoid, nDeclinedV, nHeld, nKin;
    int32_t neededDay;
    uint8_t youngest, oldest, genderMask, settingMask;
    int16_t groupSize;
    uint64_t essential, important, desirable;
    double *avoid;
    uint8_t *tiers, *avoidedAuthority, *declinedProvider, *brokeDown;
    int64_t *declinedV, *held, *kin;
} Request;

#define WIDEN(dst, type, src, n) do { dst = malloc(sizeof(type) * (n)); for (int64_t k = 0; k < (n); k++) dst[k] = (type)(src)[k]; } while (0)

static void loadIndex(const char *dir, Index *x) {
    char path[4096];
    snprintf(path, sizeof path, "%s/index.bin", dir);
    Table *t = calloc(1, sizeof(Table));
    load(path, t);
    x->n = (int)N(t, "ux");
    x->ux = D(t, "ux"); x->uy = D(t, "uy"); x->uz = D(t, "uz");
    x->hold = D(t, "holdExpiresAt"); x->confirmed = D(t, "confirmedAt"); x->stability = D(t, "stability");
    x->caps = (uint64_t *)Q(t, "capabilities");
    WIDEN(x->ratingGrade, uint8_t, Q(t, "ratingGrade"), N(t, "ratingGrade"));
    WIDEN(x->available, int32_t, Q(t, "availableFrom"), x->n);
    WIDEN(x->provider, int32_t, Q(t, "provider"), x->n);
    WIDEN(x->authority, int32_t, Q(t, "authority"), x->n);
    WIDEN(x->fee, int32_t, Q(t, "fee"), x->n);
    WIDEN(x->idRank, int32_t, Q(t, "idRank"), x->n);
    WIDEN(x->beds, int16_t, Q(t, "beds"), x->n);
    WIDEN(x->maxSib, int16_t, Q(t, "maxSiblingGroup"), x->n);
    WIDEN(x->ageMin, uint8_t, Q(t, "ageMin"), x->n);
    WIDEN(x->ageMax, uint8_t, Q(t, "ageMax"), x->n);
    WIDEN(x->gender, uint8_t, Q(t, "genderMask"), x->n);
    WIDEN(x->setting, uint8_t, Q(t, "settingBit"), x->n);
    WIDEN(x->flags, uint8_t, Q(t, "flags"), x->n);
    WIDEN(x->welsh, uint8_t, Q(t, "welsh"), x->n);
    WIDEN(x->sector, uint8_t, Q(t, "sector"), x->n);
    x->kinshipBit = (uint8_t)Q(t, "kinshipBit")[0];
    double *k = D(t, "constants");
    x->road = k[0]; x->radius = k[1]; x->importantWeight = k[2];
}

static int loadRequest(const char *dir, int number, Request *r) {
    char path[4096];
    snprintf(path, sizeof path, "%s/request-%03d.bin", dir, number);
    FILE *probe = fopen(path, "rb");
    if (!probe) return 0;
    fclose(probe);
    Table *t = calloc(1, sizeof(Table));
    load(path, t);
    memcpy(r->home, D(t, "home"), sizeof r->home);
    r->hasSchool = N(t, "school") == 3;
    if (r->hasSchool) memcpy(r->school, D(t, "school"), sizeof r->school);
    int64_t *s = Q(t, "scalars");
    r->neededDay = (int32_t)s[0]; r->emergency = (int)s[1]; r->youngest = (uint8_t)s[2]; r->oldest = (uint8_t)s[3];
    r->genderMask = (uint8_t)s[4]; r->settingMask = (uint8_t)s[5]; r->groupSize = (int16_t)s[6];
    r->essential = (uint64_t)s[7]; r->important = (uint64_t)s[8]; r->desirable = (uint64_t)s[9]; r->welshEssential = (int)s[10];
    r->noNeeds = (int)s[11]; r->planMask = (uint8_t)s[12]; r->lacksSecureOrder = (int)s[13]; r->excludeGrade = (uint8_t)s[14];
    r->needsPossible = D(t, "needsPossible")[0];
    r->hasMinimum = N(t, "minimumMiles") == 1;
    r->minimumMiles = r->hasMinimum ? D(t, "minimumMiles")[0] : 0;
    r->nAvoid = (int)N(t, "avoidAreas") / 4; r->avoid = D(t, "avoidAreas");
    WIDEN(r->tiers, uint8_t, Q(t, "tiers"), N(t, "tiers"));
    WIDEN(r->avoidedAuthority, uint8_t, Q(t, "avoidedAuthority"), N(t, "avoidedAuthority"));
    WIDEN(r->declinedProvider, uint8_t, Q(t, "declinedProvider"), N(t, "declinedProvider"));
    WIDEN(r->brokeDown, uint8_t, Q(t, "brokeDownWith"), N(t, "brokeDownWith"));
    if (N(t, "declinedProvider") == 0) r->declinedProvider = NULL;
    if (N(t, "brokeDownWith") == 0) r->brokeDown = NULL;
    r->nDeclinedV = (int)N(t, "declinedVacancy"); r->declinedV = Q(t, "declinedVacancy");
    r->nHeld = (int)N(t, "heldForGroup"); r->held = Q(t, "heldForGroup");
    r->nKin = (int)N(t, "kinshipForGroup"); r->kin = Q(t, "kinshipForGroup");
    r->now = D(t, "now")[0];
    memcpy(r->scale, D(t, "scale"), sizeof r->scale);
    memcpy(r->locality, D(t, "localityScores"), sizeof r->locality);
    memcpy(r->sectorScores, D(t, "sectorScores"), sizeof r->sectorScores);
    memcpy(r->welshScores, D(t, "welshScores"), sizeof r->welshScores);
    memcpy(r->fees, D(t, "fees"), sizeof r->fees);
    memcpy(r->inspectionScores, D(t, "inspectionScores"), sizeof r->inspectionScores);
    memcpy(r->decay, D(t, "decay"), sizeof r->decay);
    return 1;
}

static int member(const int64_t *list, int n, int64_t v) {
    for (int k = 0; k < n; k++) if (list[k] == v) return 1;
    return 0;
}

static double miles(const Index *x, const double *from, int i) {
    double dx = from[0] - x->ux[i], dy = from[1] - x->uy[i], dz = from[2] - x->uz[i];
    double chord = sqrt(dx * dx + dy * dy + dz * dz);
    return 2 * asin(fmin(1, chord / 2)) * x->radius;
}

static double decay(double m, double full, double halfLife) { return m <= full ? 1 : exp2(-(m - full) / halfLife); }

typedef struct { double score, miles; int32_t index; uint8_t tier; int32_t idRank; } Key;

static int compare(const void *pa, const void *pb) {
    const Key *a = pa, *b = pb;
    if (a->score != b->score) return a->score > b->score ? -1 : 1;
    if (a->miles != b->miles) return a->miles < b->miles ? -1 : 1;
    if (a->tier != b->tier) return a->tier < b->tier ? -1 : 1;
    return a->idRank < b->idRank ? -1 : 1;
}

// Ranks every candidate: reasons for each (as the engine's excluded list keeps), then score and order.
static int rank(const Index *x, const Request *r, uint32_t *reasons, Key *keys) {
    int ranked = 0;
    int measureFirst = r->hasMinimum || r->nAvoid > 0;
    for (int i = 0; i < x->n; i++) {
        uint32_t e = 0;
        uint8_t f = x->flags[i];
        if (!(f & 1)) e |= 1u << 0;
        if ((f & 4) && x->hold[i] > r->now && !member(r->held, r->nHeld, i)) e |= 1u << 1;
        if (x->available[i] > r->neededDay) e |= 1u << 2;
        if (r->emergency && !(f & 2)) e |= 1u << 3;
        if (!(r->settingMask & x->setting[i])) {
            if (!(r->planMask & x->setting[i])) e |= 1u << 4;
            if (x->setting[i] == 32 && r->lacksSecureOrder) e |= 1u << 16; // secure, the sixth setting
        }
        if (r->excludeGrade < 4) {
            uint8_t grade = x->ratingGrade[x->provider[i]];
            if (grade >= r->excludeGrade && grade < 4) e |= 1u << 17;
        }
        if (x->setting[i] == x->kinshipBit && !member(r->kin, r->nKin, i)) e |= 1u << 15;
        if (r->youngest < x->ageMin[i] || r->oldest > x->ageMax[i]) e |= 1u << 5;
        if (r->genderMask & ~x->gender[i]) e |= 1u << 6;
        if (x->beds[i] < r->groupSize) e |= 1u << 7;
        if (r->groupSize > 1 && x->maxSib[i] < r->groupSize) e |= 1u << 8;
        if ((x->caps[i] & r->essential) != r->essential) e |= 1u << 9;
        if (r->avoidedAuthority[x->authority[i]]) e |= 1u << 11;
        if (r->welshEssential && x->welsh[i] != 2) e |= 1u << 13;
        if ((r->declinedProvider && r->declinedProvider[x->provider[i]]) || member(r->declinedV, r->nDeclinedV, i)) e |= 1u << 14;
        double straight = 0;
        if (measureFirst) {
            straight = miles(x, r->home, i);
            for (int a = 0; a < r->nAvoid; a++) if (miles(x, r->avoid + 4 * a, i) < r->avoid[4 * a + 3]) e |= 1u << 10;
            if (r->hasMinimum && straight < r->minimumMiles) e |= 1u << 12;
        }
        reasons[i] = e;
        if (e) continue;
        if (!measureFirst) straight = miles(x, r->home, i);
        const double *w = r->scale;
        double sum = 0;
        if (w[0] > 0) {
            double met = x->importantWeight * __builtin_popcountll(x->caps[i] & r->important) + __builtin_popcountll(x->caps[i] & r->desirable);
            sum += w[0] * (r->needsPossible > 0 ? met / r->needsPossible : (r->noNeeds ? 0 : 1));
        }
        if (w[1] > 0) sum += w[1] * decay(straight * x->road, r->decay[0], r->decay[2]);
        if (w[2] > 0) sum += w[2] * (r->hasSchool ? decay(miles(x, r->school, i) * x->road, r->decay[1], r->decay[2]) : 1);
        if (w[3] > 0) sum += w[3] * r->locality[r->tiers[x->authority[i]]];
        if (w[4] > 0) sum += w[4] * r->welshScores[x->welsh[i]];
        if (w[5] > 0) sum += w[5] * x->stability[x->provider[i]];
        if (w[6] > 0) sum += w[6] * ((r->brokeDown && r->brokeDown[x->provider[i]]) ? 0 : 1);
        if (w[7] > 0) sum += w[7] * r->sectorScores[x->sector[i]];
        if (w[8] > 0) sum += w[8] * (x->setting[i] == x->kinshipBit ? 1 : 0);
        if (w[9] > 0) sum += w[9] * fmax(0, 1 - fmax(0, (r->now - x->confirmed[i]) / 86400) / 30);
        if (w[10] > 0) {
            double usual = r->fees[__builtin_ctz(x->setting[i])], fee = x->fee[i];
            sum += w[10] * (usual <= 0 || fee <= usual ? 1 : fmax(0, 2 - fee / usual));
        }
        if (w[11] > 0) sum += w[11] * r->inspectionScores[x->ratingGrade[x->provider[i]]];
        keys[ranked++] = (Key){sum, straight, i, r->tiers[x->authority[i]], x->idRank[i]};
    }
    qsort(keys, ranked, sizeof(Key), compare);
    return ranked;
}

static double ms(struct timespec a, struct timespec b) { return (b.tv_sec - a.tv_sec) * 1e3 + (b.tv_nsec - a.tv_nsec) / 1e6; }
static int byDouble(const void *a, const void *b) { double x = *(const double *)a, y = *(const double *)b; return x < y ? -1 : x > y; }

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: floor DIR RUNS\n"); return 2; }
    const char *dir = argv[1];
    int runs = atoi(argv[2]);
    Index x;
    loadIndex(dir, &x);
    Request requests[1000];
    int count = 0;
    while (count < 1000 && loadRequest(dir, count, &requests[count])) count++;
    char path[4096];
    snprintf(path, sizeof path, "%s/ids.txt", dir);
    FILE *f = fopen(path, "r");
    char **ids = malloc(sizeof(char *) * x.n);
    char line[256];
    for (int i = 0; i < x.n && fgets(line, sizeof line, f); i++) { line[strcspn(line, "\n")] = 0; ids[i] = strdup(line); }
    fclose(f);

    uint32_t *reasons = malloc(sizeof(uint32_t) * x.n);
    Key *keys = malloc(sizeof(Key) * x.n);
    double *times = malloc(sizeof(double) * (runs * count + 1));
    int samples = 0;
    long sink = 0;
    for (int run = 0; run <= runs; run++) {
        for (int c = 0; c < count; c++) {
            struct timespec a, b;
            clock_gettime(CLOCK_MONOTONIC, &a);
            sink += rank(&x, &requests[c], reasons, keys);
            clock_gettime(CLOCK_MONOTONIC, &b);
            if (run > 0) times[samples++] = ms(a, b); // the first pass warms up
        }
    }
    qsort(times, samples, sizeof(double), byDouble);
    printf("floor median_ms=%.4f (sink %ld)\n", times[samples / 2], sink);
    for (int c = 0; c < count; c++) {
        int ranked = rank(&x, &requests[c], reasons, keys);
        printf("%d %d", c, ranked);
        for (int k = 0; k < ranked && k < 50; k++) printf(" %s", ids[keys[k].index]);
        printf("\n");
    }
    return 0;
}
